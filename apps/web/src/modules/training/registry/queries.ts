/** The registry area of 校外培训 (the only caller of its API): files, filings, the district's review queue, status changes. */
import type {
  RegistryCourseInput,
  RegistryCoursePatch,
  RegistryFile,
  RegistryInstitution,
  RegistryMaterialInput,
  RegistryPackageInput,
  RegistryPackagePatch,
  RegistryProfilePatch,
  RegistryQueueItem,
  RegistryReviewInput,
  RegistryStaffInput,
  RegistryStaffPatch,
  RegistryStatusInput,
  RegistryVenueInput,
  RegistryVenuePatch,
  TrainingCourseCheckInput,
  TrainingRuleCheck,
} from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';

export const registryKey = (...parts: unknown[]) => ['training', 'registry', ...parts];
const base = '/api/training/registry';

export const useRegistryList = (enabled = true) =>
  useQuery({ queryKey: registryKey('institutions'), queryFn: () => api.get<RegistryInstitution[]>(`${base}/institutions`), enabled });

export const useRegistryFile = (institutionId: string | undefined) =>
  useQuery({ queryKey: registryKey('file', institutionId), queryFn: () => api.get<RegistryFile>(`${base}/institutions/${institutionId}`), enabled: !!institutionId });

export const useReviewQueue = () => useQuery({ queryKey: registryKey('queue'), queryFn: () => api.get<RegistryQueueItem[]>(`${base}/queue`) });

/** The live check of a course form (not recorded): the rules area's endpoint. */
export const checkCourseNow = (input: TrainingCourseCheckInput) => api.post<TrainingRuleCheck>('/api/training/rules/check-course', input);

/** Every write answers with the institution's whole file; the registry's queries are refreshed after it. */
export function useRegistryWrites() {
  const client = useQueryClient();
  const done = async (p: Promise<RegistryFile>) => {
    const out = await p;
    await client.invalidateQueries({ queryKey: registryKey() });
    return out;
  };
  return {
    saveProfile: (id: string, patch: RegistryProfilePatch) => done(api.patch(`${base}/institutions/${id}/profile`, patch)),
    submitProfile: (id: string) => done(api.post(`${base}/institutions/${id}/submit`)),
    saveVenue: (id: string | null, v: RegistryVenueInput | RegistryVenuePatch) => done(id ? api.patch(`${base}/venues/${id}`, v) : api.post(`${base}/venues`, v)),
    saveStaff: (id: string | null, v: RegistryStaffInput | RegistryStaffPatch) => done(id ? api.patch(`${base}/staff/${id}`, v) : api.post(`${base}/staff`, v)),
    saveMaterial: (id: string | null, v: RegistryMaterialInput | Partial<RegistryMaterialInput>) => done(id ? api.patch(`${base}/materials/${id}`, v) : api.post(`${base}/materials`, v)),
    submitMaterial: (id: string) => done(api.post(`${base}/materials/${id}/submit`)),
    saveCourse: (id: string | null, v: RegistryCourseInput | RegistryCoursePatch) => done(id ? api.patch(`${base}/courses/${id}`, v) : api.post(`${base}/courses`, v)),
    submitCourse: (id: string) => done(api.post(`${base}/courses/${id}/submit`)),
    savePackage: (id: string | null, v: RegistryPackageInput | RegistryPackagePatch) => done(id ? api.patch(`${base}/packages/${id}`, v) : api.post(`${base}/packages`, v)),
    submitPackage: (id: string) => done(api.post(`${base}/packages/${id}/submit`)),
    review: (input: RegistryReviewInput) => done(api.post(`${base}/review`, input)),
    changeStatus: (id: string, input: RegistryStatusInput) => done(api.post(`${base}/institutions/${id}/status`, input)),
  };
}
