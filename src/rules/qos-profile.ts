// qos-profile: with a QoS-profile catalogue (policy.qosProfiles), the body's qosProfile names one
// of its profiles, exactly (CAMARA says nothing about case folding, so 'qos_e' is not 'QOS_E';
// the message suggests the profile that differs only in case), and that profile is ACTIVE.
// Unknown: 400 INVALID_ARGUMENT (the published tests); INACTIVE or DEPRECATED: the dialect's
// answer (CAMARA 1.1+: 422 QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE). A profile without a
// status counts as ACTIVE. Without a catalogue the rule claims nothing: names such as the SDK's
// QOS_VC or CAMARA's QOS_E are examples, not a catalogue.

import { defineRule } from './api.js';
import { fieldName } from '../shared/messages.js';
import { printable } from '../shared/text.js';
import { catalogueOf } from './utils/qos-catalogue.js';

import { docsUrl } from '../shared/docs-url.js';

/** What each status that rules a profile out means (CAMARA QosProfileStatusEnum). */
const NOT_APPLICABLE: Readonly<Record<string, string>> = {
  INACTIVE: 'not currently available to be deployed',
  DEPRECATED: 'kept for the sessions that already use it',
};

type MessageIds = 'unknownProfile' | 'caseMismatch' | 'notApplicable';

/** Whether a profile's status rules it out for a new session. */
function notApplicable(status: unknown): status is string {
  return typeof status === 'string' && Object.prototype.hasOwnProperty.call(NOT_APPLICABLE, status);
}

export default defineRule<MessageIds>({
  meta: {
    docs: {
      description: "The QoS profile is one of the operator's catalogue and is ACTIVE.",
      url: docsUrl('qos-profile'),
    },
    messages: {
      unknownProfile: "{{ field }} '{{ profile }}' is not a QoS profile of the catalogue ({{ count }} profiles).",
      caseMismatch: "{{ field }} '{{ profile }}' is not a QoS profile of the catalogue; did you mean '{{ suggestion }}'? (names are case-sensitive)",
      notApplicable: {
        text: "QoS profile '{{ profile }}' is {{ status }} ({{ meaning }}): it cannot be used for a new session.",
        status: 422,
        code: 'QUALITY_ON_DEMAND.QOS_PROFILE_NOT_APPLICABLE',
      },
    },
    status: 400,
    code: 'INVALID_ARGUMENT',
  },
  check(model, ctx) {
    const profiles = ctx.policy.qosProfiles;
    const field = model.qosProfile;
    if (profiles === undefined || field === undefined) return;
    const catalogue = catalogueOf(profiles);
    const profile = catalogue.byName.get(field.value);
    if (profile === undefined) {
      const suggestion = catalogue.byFoldedName.get(field.value.toLowerCase());
      const name = fieldName(field.path);
      const profile = printable(field.value);
      const count = catalogue.byName.size;
      // Spelt out: a spread followed by more properties is slow on V8.
      if (suggestion !== undefined) ctx.report({ messageId: 'caseMismatch', path: field.path, data: { field: name, profile, count, suggestion } });
      else ctx.report({ messageId: 'unknownProfile', path: field.path, data: { field: name, profile, count } });
      return;
    }
    const status = profile.status;
    if (notApplicable(status)) {
      ctx.report({
        messageId: 'notApplicable',
        path: field.path,
        data: { field: fieldName(field.path), profile: printable(field.value), status, meaning: NOT_APPLICABLE[status]! },
        error: ctx.dialect.profileNotApplicable,
      });
    }
  },
  fast(view, ctx) {
    const profiles = ctx.policy.qosProfiles;
    const name = view.qosProfile;
    if (profiles === undefined || name === undefined) return true;
    if (typeof name !== 'string') return false;
    const profile = catalogueOf(profiles).byName.get(name);
    return profile !== undefined && !notApplicable(profile.status);
  },
});
