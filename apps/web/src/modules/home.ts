/** Sections that modules add to the home page, each shown to the people it concerns. */
import type { Me } from '@shuangjian/contracts';
import type { ComponentType } from 'react';

export interface HomeSection {
  key: string;
  visible(me: Me): boolean;
  Component: ComponentType;
}

export const homeSections: HomeSection[] = [];
