// server-address-list: the application server's list of single addresses (CAMARA 1.2
// `applicationServer.ipAddresses`) has 1 to 16 entries, each listed once BY VALUE
// ('2001:db8::a' and '2001:DB8:0:0::A' are the same address, which the schema's textual
// uniqueItems does not see), and no entry with a prefix (the list holds single addresses; a
// network is given in the subnet form).
//
// The rule owns the schema's minItems, maxItems and uniqueItems of the list and re-checks them
// exactly: the count is the raw array's (non-string items included), and entries that are not
// addresses at all are compared as text, as uniqueItems does. CAMARA's tests expect
// 400 INVALID_ARGUMENT for an empty list, more than 16 entries and duplicates.

import { defineRule } from './api.js';
import { fieldName } from '../shared/messages.js';
import type { Field } from '../model/types.js';
import type { RuleContext } from './api.js';
import { bits128, sameAddress, type IpSubnet } from './utils/ip/address.js';
import { subnetOf } from './utils/ip/parse.js';
import { printable } from '../shared/text.js';

import { docsUrl } from '../shared/docs-url.js';

type MessageId = 'empty' | 'tooMany' | 'duplicate' | 'prefixInList';
type Ctx = RuleContext<MessageId>;

/** Above this many entries, duplicates are found with a map instead of comparing every pair. */
const PAIRWISE_LIMIT = 32;

/**
 * An entry's prefix over the 128-bit value (-1: none), so that '198.51.100.0/24' and
 * '::ffff:198.51.100.0/120' are the same network, and '198.51.100.0/24' and '::ffff:198.51.100.0/24'
 * are not.
 */
function prefixBits(entry: IpSubnet): number {
  return entry.prefix < 0 ? -1 : bits128(entry.address, entry.prefix);
}

// Two ways to find repeats, which must agree (test/rules/server-address-list.test.ts checks it):
// pairs for short lists, and a key of the same value for long ones. Both compare the 128-bit value
// (an IPv4 address and its IPv4-mapped spelling are one address) and the prefix over it.

function sameEntry(a: IpSubnet | undefined, b: IpSubnet | undefined, textA: string, textB: string): boolean {
  if (a === undefined || b === undefined) return a === b && textA === textB;
  return prefixBits(a) === prefixBits(b) && sameAddress(a.address, b.address);
}

function entryKey(entry: IpSubnet | undefined, text: string): string {
  if (entry === undefined) return `text:${text}`;
  const a = entry.address;
  return `${a.w0}.${a.w1}.${a.w2}.${a.w3}/${prefixBits(entry)}`;
}

function reportDuplicate(ctx: Ctx, item: Field<string>, first: Field<string>, firstIndex: number): void {
  ctx.report({
    messageId: 'duplicate',
    path: item.path,
    data: { field: fieldName(item.path), value: printable(item.value), first: firstIndex, firstValue: printable(first.value) },
  });
}

function indexOf(item: Field<string>): number {
  return Number(item.path.slice(item.path.lastIndexOf('/') + 1));
}

export default defineRule<MessageId>({
  meta: {
    docs: {
      description: "The application server's address list has 1 to 16 entries, unique by value (not by spelling), and no entry with a prefix.",
      url: docsUrl('server-address-list'),
    },
    messages: {
      empty: '{{ field }} is empty; it must list {{ min }} to {{ max }} addresses.',
      tooMany: '{{ field }} lists {{ count }} entries; it may list at most {{ max }}.',
      duplicate: "{{ field }} '{{ value }}' is the same address as item {{ first }} ('{{ firstValue }}'); list each address once.",
      prefixInList:
        "{{ field }} '{{ value }}' has the prefix '/{{ prefix }}'; the address list takes single addresses only, so give a network in the subnet form instead of the list.",
    },
    defaultLevel: 'error',
    status: 400,
    code: 'INVALID_ARGUMENT',
    // A count within the dialect's facts (the schema's bounds), entries distinct by value (so by text).
    fastKeywords: ['minItems', 'maxItems', 'uniqueItems'],
  },
  check(model, ctx) {
    const facts = ctx.dialect.serverAddressList;
    const server = model.applicationServer;
    if (facts === null || server === undefined) return;
    // The list's true length: the model leaves out non-string items, and does not walk arrays of
    // more than 65536 items at all.
    const list = server.ipAddresses;
    if (list === undefined) return;
    const count = list.count;
    if (count < facts.minItems || count > facts.maxItems) {
      const path = `${server.path}/${facts.key}`;
      const data = { field: fieldName(path), count, min: facts.minItems, max: facts.maxItems };
      ctx.report({ messageId: count < facts.minItems ? 'empty' : 'tooMany', path, data });
    }

    const items = server.ipAddresses?.items;
    if (items === undefined || items.length === 0) return;
    const entries: (IpSubnet | undefined)[] = new Array(items.length);
    const seen = items.length > PAIRWISE_LIMIT ? new Map<string, number>() : undefined;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const entry = subnetOf(item.value);
      entries[i] = entry;
      if (entry !== undefined && entry.prefix >= 0) {
        const prefix = item.value.slice(item.value.indexOf('/') + 1);
        ctx.report({ messageId: 'prefixInList', path: item.path, data: { field: fieldName(item.path), value: printable(item.value), prefix } });
      }
      if (seen !== undefined) {
        const key = entryKey(entry, item.value);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else reportDuplicate(ctx, item, items[first]!, indexOf(items[first]!));
        continue;
      }
      for (let j = 0; j < i; j++) {
        if (sameEntry(entry, entries[j], item.value, items[j]!.value)) {
          reportDuplicate(ctx, item, items[j]!, indexOf(items[j]!));
          break;
        }
      }
    }
  },
  // Certainly clean: a count within the bounds, every entry a single address, no two the same.
  fast(view, ctx) {
    const facts = ctx.dialect.serverAddressList;
    const list = view.serverAddressList;
    if (facts === null || list === undefined) return true;
    if (!Array.isArray(list) || list.length < facts.minItems || list.length > facts.maxItems || list.length > PAIRWISE_LIMIT) return false;
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i];
      if (typeof item !== 'string') return false;
      const entry = subnetOf(item);
      if (entry === undefined || entry.prefix >= 0) return false;
      for (let j = 0; j < i; j++) {
        // The earlier items parsed already (subnetOf remembers the last few strings).
        const other = subnetOf(list[j] as string);
        if (other === undefined || sameAddress(entry.address, other.address)) return false;
      }
    }
    return true;
  },
});
