/** HTTP routes of 家长会, 家长教育大讲堂 and 家长学校 lectures, and a family's upcoming ones. */
import {
  ClassLectureInput,
  ClassMeetings,
  ClassParams,
  ErrorBody,
  FamilyUpcoming,
  IdParams,
  Lecture,
  LectureAttendanceInput,
  LectureDetail,
  LectureInput,
  LectureList,
  LectureSignupInput,
  MeetingDetail,
  MeetingHeldInput,
  MeetingInput,
} from '@shuangjian/contracts';
import type { App } from '../../platform/http';
import { cancelSignUp, createLecture, familyUpcoming, lectureDetail, listLectures, markLectureAttendance, signUp } from './lectures.service';
import { addClassLecture, classMeetings, createMeeting, holdMeeting, meetingDetail } from './meetings.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['home-school'];

export function registerMeetingRoutes(app: App): void {
  app.get('/api/home-school/classes/:classId/meetings', { schema: { tags, summary: '一个班本学期的家长会与家长教育大讲堂', params: ClassParams, response: { 200: ClassMeetings, ...errors } } }, (req) => classMeetings(req.ctx, req.params.classId));
  app.post('/api/home-school/meetings', { schema: { tags, summary: '班主任：安排家长会（通知本班家长）', body: MeetingInput, response: { 200: MeetingDetail, ...errors } } }, (req) => createMeeting(req.ctx, req.body));
  app.get('/api/home-school/meetings/:id', { schema: { tags, summary: '家长会与各家庭出勤', params: IdParams, response: { 200: MeetingDetail, ...errors } } }, (req) => meetingDetail(req.ctx, req.params.id));
  app.post('/api/home-school/meetings/:id/held', { schema: { tags, summary: '班主任：登记家长会已召开（纪要与出勤）', params: IdParams, body: MeetingHeldInput, response: { 200: MeetingDetail, ...errors } } }, (req) => holdMeeting(req.ctx, req.params.id, req.body));
  app.post('/api/home-school/class-lectures', { schema: { tags, summary: '班主任：登记本周线上家长教育大讲堂', body: ClassLectureInput, response: { 200: ClassMeetings, ...errors } } }, (req) => addClassLecture(req.ctx, req.body));
  app.get('/api/home-school/lectures', { schema: { tags, summary: '家庭教育专题讲座（区级与本校）', response: { 200: LectureList, ...errors } } }, (req) => listLectures(req.ctx));
  app.post('/api/home-school/lectures', { schema: { tags, summary: '区教育局/学校：创建家庭教育讲座', body: LectureInput, response: { 200: Lecture, ...errors } } }, (req) => createLecture(req.ctx, req.body));
  app.get('/api/home-school/lectures/:id', { schema: { tags, summary: '讲座与报名名单', params: IdParams, response: { 200: LectureDetail, ...errors } } }, (req) => lectureDetail(req.ctx, req.params.id));
  app.post('/api/home-school/lectures/:id/attendance', { schema: { tags, summary: '讲座结束后登记出勤', params: IdParams, body: LectureAttendanceInput, response: { 200: LectureDetail, ...errors } } }, (req) => markLectureAttendance(req.ctx, req.params.id, req.body));
  app.get('/api/home-school/family', { schema: { tags, summary: '家长：孩子班级和学校即将举行的家长会、讲座', response: { 200: FamilyUpcoming, ...errors } } }, (req) => familyUpcoming(req.ctx));
  app.post('/api/home-school/lectures/:id/signup', { schema: { tags, summary: '家长：报名讲座（名额满则不能报名）', params: IdParams, body: LectureSignupInput, response: { 200: FamilyUpcoming, ...errors } } }, (req) => signUp(req.ctx, req.params.id, req.body));
  app.delete('/api/home-school/lectures/:id/signup', { schema: { tags, summary: '家长：取消报名', params: IdParams, response: { 200: FamilyUpcoming, ...errors } } }, (req) => cancelSignUp(req.ctx, req.params.id));
}
