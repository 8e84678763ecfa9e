// A rule that reaches into the engine and the parse layer: both imports break the stage order.
import { run } from '../engine/run.js';
import { scan } from '../parse/scan.js';
export default [run, scan];
