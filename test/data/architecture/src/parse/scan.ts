// The parse layer importing the model: against the stage order.
import { model } from '../model/model.js';
export const scan = (): unknown => model;
