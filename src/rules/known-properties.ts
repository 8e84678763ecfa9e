// known-properties: CAMARA 1.2 rejects properties it does not declare, at any depth
// ("Unknown properties result in a 400 INVALID_ARGUMENT response"). The check itself is the
// schema's `unevaluatedProperties: false` (and `additionalProperties: false` on the application
// server alternatives and per sink credential type: a field of the other credential type, such as
// jwksUri on an ACCESSTOKEN credential, is a property that credential does not declare); this rule
// owns those findings, so that they carry its id. Where the API
// forbids unknown properties they stay errors at any severity (the schema's own finding when the
// rule is off); where it allows them, the keywords are 'x-beyond-spec' and the rule is off by
// default: turned on, it reports them at its configured severity.

import { defineRule } from './api.js';

import { docsUrl } from '../shared/docs-url.js';

export default defineRule({
  meta: {
    docs: {
      description: 'No property the API version does not declare, at any depth.',
      url: docsUrl('known-properties'),
    },
    messages: {
      unknownProperty: "{{ parent }} has the property '{{ property }}', which this API version does not declare.",
      undeclaredForType: "{{ parent }} has the property '{{ property }}', which its credentialType does not declare.",
    },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  check() {
    // Reported from the schema's findings (see schemas/*.schema.json, "x-rules").
  },
  // Nothing of its own to say: the accept pass evaluates the keywords it owns whenever they count.
  fast: () => true,
});
