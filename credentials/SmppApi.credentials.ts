import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** An SMPP account. The SMPP nodes test it by really binding (see their credentialTest). */
export class SmppApi implements ICredentialType {
  name = 'smppApi';

  displayName = 'SMPP API';

  icon = { light: 'file:../nodes/Smpp/smpp.svg', dark: 'file:../nodes/Smpp/smpp.dark.svg' } as const;

  documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-smpp-tls';

  properties: INodeProperties[] = [
    {
      displayName: 'Provider',
      name: 'provider',
      type: 'options',
      options: [
        { name: 'eCall', value: 'ecall', description: 'smpp.ecall.ch:2776, TLS' },
        { name: 'Agile Telecom', value: 'agile', description: 'smpp.agiletelecom.com:2776, TLS, up to 4 binds, 100 msg/s per bind' },
        { name: 'Custom SMSC', value: 'custom' },
      ],
      default: 'ecall',
      description: "Fills in the provider's host, port and limits",
    },
    {
      displayName: 'Host',
      name: 'host',
      type: 'string',
      default: '',
      placeholder: 'smpp.ecall.ch',
      description: "The SMSC's host name. Leave empty for the provider's host; required for a custom SMSC.",
    },
    {
      displayName: 'Port',
      name: 'port',
      type: 'number',
      default: 2776,
      description: 'eCall and Agile Telecom use 2776 (TLS)',
    },
    {
      displayName: 'Use TLS',
      name: 'tls',
      type: 'boolean',
      default: true,
      description: 'Whether to connect over TLS (1.2 or newer). Plain TCP only when turned off.',
    },
    {
      // Not named "…Certificate": n8n's lint takes any "cert" field for a secret.
      displayName: 'Verify Certificate',
      name: 'verifyTls',
      type: 'boolean',
      default: true,
      displayOptions: { show: { tls: [true] } },
      description: "Whether the server's certificate must be trusted and valid for the host name. Turn off only for a test server.",
    },
    {
      displayName: 'CA Certificate',
      name: 'ca',
      type: 'string',
      typeOptions: { rows: 4 },
      default: '',
      displayOptions: { show: { tls: [true] } },
      placeholder: '-----BEGIN CERTIFICATE-----',
      description: 'An extra CA to trust (PEM), e.g. for a test SMSC with its own certificate',
    },
    {
      displayName: 'System ID',
      name: 'systemId',
      type: 'string',
      default: '',
      required: true,
      description: 'Your SMPP account name (system_id)',
    },
    {
      displayName: 'Password',
      name: 'password',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
    },
    {
      displayName: 'System Type',
      name: 'systemType',
      type: 'string',
      default: '',
      description: 'Leave empty unless your provider asks for one (Agile Telecom: empty)',
    },
    {
      displayName: 'Bind Mode',
      name: 'bindMode',
      type: 'options',
      options: [
        { name: 'Transceiver (Send and Receive)', value: 'transceiver' },
        { name: 'Transmitter (Send Only)', value: 'transmitter' },
        { name: 'Receiver (Receive Only)', value: 'receiver' },
      ],
      default: 'transceiver',
    },
    {
      displayName: 'Binds',
      name: 'binds',
      type: 'number',
      typeOptions: { minValue: 1, maxValue: 32 },
      default: 1,
      description: 'Connections in the pool (Agile Telecom allows 4). Receipts and inbound SMS from any of them reach the same triggers.',
    },
    {
      displayName: 'Messages per Second per Bind',
      name: 'messagesPerSecond',
      type: 'number',
      typeOptions: { minValue: 0 },
      default: 0,
      description: "Rate limit per bind; 0 takes the provider's (Agile Telecom: 100; others: none)",
    },
    {
      displayName: 'Window',
      name: 'window',
      type: 'number',
      typeOptions: { minValue: 1 },
      default: 10,
      description: 'Messages waiting for the SMSC\'s answer per bind',
    },
  ];
}
