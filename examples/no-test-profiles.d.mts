import type { Plugin } from 'qod-policy';
declare const plugin: Plugin;
export default plugin;
