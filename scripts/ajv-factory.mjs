// The one place that configures ajv (build time only: schemas compile to standalone code).
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;

export function createAjv(extra = {}) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, ...extra });
  addFormats(ajv, ['ipv4', 'ipv6', 'uri', 'date-time']);
  // Annotation only: which semantic rule reports a keyword's failures (see compile-schemas.mjs).
  ajv.addKeyword({ keyword: 'x-rules', schemaType: 'object' });
  // Annotation only: the sentence to use when a combinator (anyOf/oneOf) fails.
  ajv.addKeyword({ keyword: 'x-message', schemaType: 'object' });
  // Annotation only: keywords stricter than the API definition (see compile-schemas.mjs).
  ajv.addKeyword({ keyword: 'x-beyond-spec', schemaType: 'array' });
  return ajv;
}
