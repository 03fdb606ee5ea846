/** Tables of the exams module's growth area. */
export {};
