// Planted: the probe reaching into the parse layer (it may use the public API, not the stages below it).
import { scan } from '../parse/scan.js';

export const probe = () => scan();
