// The SDK model ↔ CAMARA 0.10. The SDK model (seed/CreateSession.md) is CAMARA 0.10 written in
// snake_case: its webhook { notification_url, notification_auth_token } is 0.10's webhook, its
// sub-objects are 0.10's (a single device IPv6 address, format ipv4 device addresses, any server
// address string), and the dialect answers as 0.10 does (src/dialects/qod-sdk.ts). So its
// neighbour is 0.10, and the step is a renaming, key for key, at every level. What differs is
// what each side requires: 0.10 requires applicationServer and webhook.notificationUrl, which the
// SDK model leaves optional (listed as lost when absent, never invented); the SDK model's tighter
// bounds (duration from 60 s, maxLength on strings) are the target report's to judge.

import type { Step } from '../step.js';

export const sdkTo010: Step = {
  older: 'qod-sdk',
  newer: 'qod-0.10',
  places: [
    ['/qos_profile', '/qosProfile'],
    ['/device/phone_number', '/device/phoneNumber'],
    ['/device/network_access_identifier', '/device/networkAccessIdentifier'],
    ['/device/ipv4_address', '/device/ipv4Address'],
    ['/device/ipv4_address/public_address', '/device/ipv4Address/publicAddress'],
    ['/device/ipv4_address/private_address', '/device/ipv4Address/privateAddress'],
    ['/device/ipv4_address/public_port', '/device/ipv4Address/publicPort'],
    ['/device/ipv6_address', '/device/ipv6Address'],
    ['/application_server', '/applicationServer'],
    ['/application_server/ipv4_address', '/applicationServer/ipv4Address'],
    ['/application_server/ipv6_address', '/applicationServer/ipv6Address'],
    ['/device_ports', '/devicePorts'],
    ['/application_server_ports', '/applicationServerPorts'],
    ['/webhook/notification_url', '/webhook/notificationUrl'],
    ['/webhook/notification_auth_token', '/webhook/notificationAuthToken'],
  ],
};
