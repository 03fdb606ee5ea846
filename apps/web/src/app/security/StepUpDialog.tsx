/**
 * The step-up dialog: a sensitive action answered STEP_UP_REQUIRED; the code is sent and the action retried. This part
 * registers with the API layer on every signed-in page; the window itself (StepUpModal) loads when first asked for.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { setStepUpHandler } from '../api';

const StepUpModal = lazy(() => import('./StepUpModal'));

export function StepUpDialog() {
  const [minutes, setMinutes] = useState<number | null>(null);
  /** Whether the window was ever asked for: until then nothing of it is loaded. */
  const [asked, setAsked] = useState(false);
  const settle = useRef<((ok: boolean) => void) | null>(null);

  useEffect(() => {
    setStepUpHandler(
      (m) =>
        new Promise<boolean>((resolve) => {
          settle.current?.(false);
          settle.current = resolve;
          setAsked(true);
          setMinutes(m);
        }),
    );
    return () => setStepUpHandler(null);
  }, []);

  const close = (ok: boolean) => {
    settle.current?.(ok);
    settle.current = null;
    setMinutes(null);
  };

  if (!asked) return null;
  return (
    <Suspense fallback={null}>
      <StepUpModal minutes={minutes} onClose={close} />
    </Suspense>
  );
}
