/** Tables of the 五项管理 module's selfcheck area. */
export {};
