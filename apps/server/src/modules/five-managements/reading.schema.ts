/** Tables of the 五项管理 module's reading area. */
export {};
