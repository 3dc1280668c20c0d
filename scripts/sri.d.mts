/** `sha384-<base64 digest>` of the bytes: the `integrity` value of an embed snippet's script tag. */
export function sri(bytes: Uint8Array): string;
