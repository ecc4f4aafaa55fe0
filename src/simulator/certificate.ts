/** A self-signed certificate for the simulator, made at start (selfsigned: well kept, pure JS, no openssl binary needed). */
import { generate } from 'selfsigned';

export interface Certificate {
  key: string;
  cert: string;
}

/** DNS names and IP addresses the certificate is valid for. */
export async function makeCertificate(names: string[] = ['localhost', '127.0.0.1']): Promise<Certificate> {
  const altNames = names.map((name) => (/^[\d.]+$|:/.test(name) ? { type: 7 as const, ip: name } : { type: 2 as const, value: name }));
  const pems = await generate([{ name: 'commonName', value: names[0] }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 365 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
