// CAMARA 0.10 ↔ 0.11: the callback changes shape, and duration becomes required.
// - webhook.notificationUrl becomes sink.
// - webhook.notificationAuthToken becomes an access-token credential: sinkCredential
//   { credentialType: ACCESSTOKEN, accessToken, accessTokenType: bearer } (0.11 allows only
//   ACCESSTOKEN, whose type is always bearer). 0.11 also requires accessTokenExpiresUtc, which 0.10
//   never says: it is listed as lost, not invented, and the migrated credential stays without it, so
//   that the 0.11 report rejects the body until someone adds the real expiry (a credential dropped
//   instead would silently send notifications without it).
// - a body without duration meant 86400 s in 0.10 ("Maximal value of 24 hours is used if not
//   set"); 0.11 requires one, so 86400 is written in (a change: it says what the body meant).
// Back to 0.10: only an ACCESSTOKEN credential has a counterpart (its token); its expiry is lost,
// its type and credentialType are what 0.10's token implies; device becomes required again.

import { fieldName, showValue } from '../../shared/messages.js';
import { dialects } from '../../dialects/index.js';
import { placeMessage, type Step } from '../step.js';

export const qod010To011: Step = {
  older: 'qod-0.10',
  newer: 'qod-0.11',
  places: [
    ['/webhook/notificationUrl', '/sink'],
    ['/webhook/notificationAuthToken', '/sinkCredential/accessToken'],
  ],
  forward: {
    before(edit) {
      const fallback = dialects[edit.from].facts.duration.default;
      if (edit.kind('') === 'object' && !edit.has('/duration') && fallback !== undefined) {
        edit.add('/duration', fallback, {
          messageId: 'filledDuration',
          message: `${edit.to} requires duration; a ${edit.from} body without one asks for ${fallback} seconds, so duration is ${fallback}.`,
        });
      }
      // The table would move it too; moved first, sink comes before sinkCredential in the body.
      edit.move('/webhook/notificationUrl', '/sink', { messageId: 'moved', message: placeMessage('/webhook/notificationUrl', '/sink', edit.to) });
      if (edit.has('/webhook/notificationAuthToken')) {
        edit.add('/sinkCredential', {});
        edit.add('/sinkCredential/credentialType', 'ACCESSTOKEN', {
          messageId: 'impliedCredential',
          message: `${edit.from}'s webhook.notificationAuthToken is an access token: sinkCredential.credentialType is ACCESSTOKEN in ${edit.to}.`,
        });
      }
    },
    after(edit) {
      if (edit.get('/sinkCredential/credentialType') !== 'ACCESSTOKEN' || !edit.has('/sinkCredential/accessToken')) return;
      edit.add('/sinkCredential/accessTokenType', 'bearer', {
        messageId: 'impliedTokenType',
        message: `${edit.to}'s access tokens are bearer tokens: sinkCredential.accessTokenType is bearer.`,
      });
      edit.missing(
        '/sinkCredential/accessTokenExpiresUtc',
        'tokenExpiry',
        `${edit.to} needs sinkCredential.accessTokenExpiresUtc, when the access token expires, which ${edit.from} does not say: add it.`,
      );
    },
  },
  backward: {
    before(edit) {
      if (edit.kind('/sinkCredential') !== 'object') return;
      const type = edit.get('/sinkCredential/credentialType');
      if (type !== 'ACCESSTOKEN') {
        edit.lose('/sinkCredential', 'credentialType', `${edit.to} carries only an access token (webhook.notificationAuthToken): a sinkCredential of type ${showValue(type)} has no counterpart.`);
        return;
      }
      if (edit.has('/sinkCredential/accessTokenExpiresUtc')) {
        edit.lose('/sinkCredential/accessTokenExpiresUtc', 'tokenExpiry', `${edit.to} cannot say when the token expires: sinkCredential.accessTokenExpiresUtc has no place.`);
      }
      const tokenType = edit.get('/sinkCredential/accessTokenType');
      if (tokenType === 'bearer') {
        edit.remove('/sinkCredential/accessTokenType', { messageId: 'impliedTokenType', message: `${edit.to}'s webhook.notificationAuthToken is a bearer token: sinkCredential.accessTokenType goes without saying.` });
      } else if (tokenType !== undefined) {
        edit.lose('/sinkCredential/accessTokenType', 'tokenType', `${edit.to}'s token is a bearer token: ${fieldName('/sinkCredential/accessTokenType')} ${showValue(tokenType)} has no counterpart.`);
      }
      edit.remove('/sinkCredential/credentialType', { messageId: 'impliedCredential', message: `${edit.to}'s webhook.notificationAuthToken is an access token: sinkCredential.credentialType goes without saying.` });
    },
  },
};
