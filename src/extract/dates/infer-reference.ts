/** Publication-date inference: placeholder until the TIMEX3 work lands; returns null ("nothing found"). */
import type { ReferenceInferrer } from '../types.js';

export const inferReference: ReferenceInferrer = () => null;
