/** Tables of the exams module's exams area. */
export {};
