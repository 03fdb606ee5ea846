/** Tables of the 五项管理 module's fitness area. */
export {};
