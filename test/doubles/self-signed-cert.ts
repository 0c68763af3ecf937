/**
 * A self-signed TLS certificate for 127.0.0.1 and localhost, made at test start with
 * node:crypto alone (an ECDSA P-256 key and a minimal DER encoder), so no openssl binary
 * and no checked-in key are needed. MSAL talks only HTTPS, so the Microsoft identity
 * double serves its token endpoint with this certificate, and the test hands the PEM to
 * the Teams door as the one CA it trusts for the login host (`teams.loginCa`): TLS checks
 * stay on, nothing is trusted globally.
 */
import { generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';

const tlv = (tag: number, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  const n = body.length;
  const length = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
};
const seq = (...parts: Buffer[]) => tlv(0x30, ...parts);

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * a! + b!];
  for (const n of rest) {
    const chunk = [n & 0x7f];
    for (let v = n >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime, valid for the years 1950–2049 this certificate lives in. */
const utcTime = (d: Date) => tlv(0x17, Buffer.from(`${d.toISOString().slice(2, 19).replace(/[-:T]/g, '')}Z`));
const commonName = (cn: string) => seq(tlv(0x31, seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn)))));
const extension = (id: string, critical: boolean, value: Buffer) =>
  seq(oid(id), ...(critical ? [tlv(0x01, Buffer.from([0xff]))] : []), tlv(0x04, value));

export interface SelfSignedCert {
  /** PEM certificate: the server's certificate and the client's only trusted CA. */
  cert: string;
  /** PEM private key (PKCS#8) for `https.createServer`. */
  key: string;
}

/** Valid from an hour ago for a day; subject alternative names 127.0.0.1, ::1 and localhost. */
export function selfSignedCert(commonNameValue = 'microsoft-identity-double'): SelfSignedCert {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ecdsaWithSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const serial = randomBytes(16);
  // A positive INTEGER in minimal DER form: top bit clear (not negative) and the first byte
  // non-zero (a leading zero byte before a byte < 0x80 is 'illegal padding'; 1 run in 128 failed).
  serial[0] = (serial[0]! & 0x7f) | 0x40;
  const now = Date.now();
  const altNames = seq(
    tlv(0x87, Buffer.from([127, 0, 0, 1])),
    tlv(0x87, Buffer.from([...new Array<number>(15).fill(0), 1])),
    tlv(0x82, Buffer.from('localhost')),
  );
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))), // v3
    tlv(0x02, serial),
    ecdsaWithSha256,
    commonName(commonNameValue),
    seq(utcTime(new Date(now - 3_600_000)), utcTime(new Date(now + 86_400_000))),
    commonName(commonNameValue),
    publicKey.export({ type: 'spki', format: 'der' }),
    tlv(0xa3, seq(extension('2.5.29.17', false, altNames), extension('2.5.29.19', true, seq(tlv(0x01, Buffer.from([0xff])))))),
  );
  const signature = sign('sha256', tbs, privateKey); // DER ECDSA-Sig-Value, as X.509 wants it
  const der = seq(tbs, ecdsaWithSha256, tlv(0x03, Buffer.from([0]), signature));
  const cert = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
  // Parsing and verifying it here fails loudly if the encoding is ever wrong, rather than as a TLS error later.
  const parsed = new X509Certificate(cert);
  if (!parsed.verify(parsed.publicKey) || !parsed.checkIP('127.0.0.1')) throw new Error('self-signed certificate did not verify');
  return { cert, key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}
