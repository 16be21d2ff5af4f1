/**
 * The SDK's own fallback downloads servers from temporal.download. Asking once, with a short
 * timeout, lets us say "no network and no local toolchain" in one sentence instead of letting the
 * SDK fail later with a TLS or DNS error deep inside a test.
 */
export async function canReachSdkDownloads(timeoutMs = 3000): Promise<boolean> {
  try {
    await fetch('https://temporal.download/', { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}

/** Marker meaning "let @temporalio/testing download the server itself". */
export interface SdkDownload {
  kind: 'sdk-download';
}

export const sdkDownload: SdkDownload = { kind: 'sdk-download' };
