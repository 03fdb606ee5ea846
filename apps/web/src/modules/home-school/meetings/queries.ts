/** The 家长会 and 家长学校 calls: a class's meetings and weekly lectures, the lectures and their sign-ups, a family's upcoming ones. */
import type { ClassMeetings, FamilyUpcoming, Lecture, LectureDetail, MeetingDetail } from '@shuangjian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../app/api';

export type MeetingDetailRow = z.infer<typeof MeetingDetail>;
export type LectureDetailRow = z.infer<typeof LectureDetail>;
export type FamilyLecture = FamilyUpcoming['lectures'][number];

export const meetingsKey = (...parts: unknown[]) => ['home-school', 'meetings', ...parts];
const base = '/api/home-school';

export const useClassMeetings = (classId: string | undefined) =>
  useQuery({ queryKey: meetingsKey('class', classId), queryFn: () => api.get<ClassMeetings>(`${base}/classes/${classId}/meetings`), enabled: !!classId });

export const useMeetingDetail = (id: string | null) =>
  useQuery({ queryKey: meetingsKey('meeting', id), queryFn: () => api.get<MeetingDetailRow>(`${base}/meetings/${id}`), enabled: !!id });

export const useLectures = () => useQuery({ queryKey: meetingsKey('lectures'), queryFn: () => api.get<{ items: Lecture[] }>(`${base}/lectures`) });

export const useLectureDetail = (id: string | null) =>
  useQuery({ queryKey: meetingsKey('lecture', id), queryFn: () => api.get<LectureDetailRow>(`${base}/lectures/${id}`), enabled: !!id });

export const useFamilyUpcoming = (enabled = true) => useQuery({ queryKey: meetingsKey('family'), queryFn: () => api.get<FamilyUpcoming>(`${base}/family`), enabled });

export interface MeetingBody {
  classId: string;
  title: string;
  date: string;
  place?: string | null;
}
export interface ClassLectureBody {
  classId: string;
  topic: string;
  date: string;
  link?: string | null;
  joined: number;
}
export interface LectureBody {
  schoolId: string | null;
  title: string;
  speaker?: string | null;
  date: string;
  time: string | null;
  place?: string | null;
  link?: string | null;
  capacity: number;
  grades: number[];
}

export function useMeetingWrites() {
  const client = useQueryClient();
  // a write moves the module's figures too (the dashboards read them): refresh everything of home-school
  const done = async <T>(p: Promise<T>) => {
    const r = await p;
    await client.invalidateQueries({ queryKey: ['home-school'] });
    return r;
  };
  return {
    plan: (body: MeetingBody) => done(api.post<MeetingDetailRow>(`${base}/meetings`, body)),
    hold: (id: string, minutes: string, attended: string[]) => done(api.post<MeetingDetailRow>(`${base}/meetings/${id}/held`, { minutes, attended })),
    classLecture: (body: ClassLectureBody) => done(api.post<ClassMeetings>(`${base}/class-lectures`, body)),
    createLecture: (body: LectureBody) => done(api.post<Lecture>(`${base}/lectures`, body)),
    lectureAttendance: (id: string, attended: string[]) => done(api.post<LectureDetailRow>(`${base}/lectures/${id}/attendance`, { attended })),
    signUp: (id: string, studentId: string) => done(api.post<FamilyUpcoming>(`${base}/lectures/${id}/signup`, { studentId })),
    cancel: (id: string) => done(api.delete<FamilyUpcoming>(`${base}/lectures/${id}/signup`)),
  };
}
