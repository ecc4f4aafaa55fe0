/**
 * Turns socket and TLS failures into words a flow author can act on, and says
 * which of them retrying soon cannot fix (they wait the long backoff).
 */
import { localError, SmppError } from '../errors/smpp-error';

const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'CERT_UNTRUSTED',
]);

export interface LinkFailure {
  error: SmppError;
  /** Retrying soon cannot help: wait the long backoff. */
  permanent: boolean;
}

export function describeLinkError(err: Error & { code?: string }, host: string, port: number): LinkFailure {
  const code = err.code ?? '';
  const where = `${host}:${port}`;
  if (UNTRUSTED.has(code)) {
    return tls(`TLS: the certificate of ${where} is not trusted (${code}); add the SMSC's CA certificate, or turn off verification only for a test server`);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return tls(`TLS: the certificate of ${where} is not valid for the host name "${host}" (${err.message})`);
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return tls(`TLS: the certificate of ${where} has expired or is not yet valid`);
  if (/PROTOCOL|VERSION|WRONG_VERSION|UNSUPPORTED_PROTOCOL|alert/i.test(`${code} ${err.message}`) && /SSL|TLS/i.test(`${code} ${err.message}`)) {
    return tls(`TLS: no common protocol version with ${where} (TLS 1.2 or newer is required) or the server does not speak TLS: ${err.message}`);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return temporary('CONNECT_FAILED', `cannot resolve host "${host}" (DNS ${code})`);
  if (code === 'ECONNREFUSED') return temporary('CONNECT_FAILED', `connection refused by ${where}: nothing listens there, or a firewall rejects it`);
  if (code === 'ETIMEDOUT' || code === 'CONNECT_TIMEOUT') return temporary('CONNECT_FAILED', `no answer from ${where} within the connect timeout`);
  if (code === 'ECONNRESET' || code === 'EPIPE') return temporary('CONNECTION_LOST', `connection reset by ${where}`);
  return temporary('CONNECTION_LOST', `${where}: ${err.message}`);
}

function tls(description: string): LinkFailure {
  return { error: localError('TLS_ERROR', description), permanent: true };
}

function temporary(name: 'CONNECT_FAILED' | 'CONNECTION_LOST', description: string): LinkFailure {
  return { error: localError(name, description, true), permanent: false };
}

/** Exponential backoff with jitter: about min, 2·min, 4·min … up to max. */
export function backoffDelay(attempt: number, minMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
