/**
 * The fuzzer's own permessage-deflate (RFC 7692) on the JDK's zlib: the offers and answers of
 * the opening handshake, parsed and checked strictly ({@code ExtensionHeader}, {@code DeflateOffer},
 * {@code ServerAccept}, {@code ClientAcceptance}); the agreed parameters ({@code DeflateParams});
 * the message compressor and decompressor ({@code MessageDeflater}, {@code MessageInflater}) and
 * the measure of a peer's back-references against a window smaller than zlib's
 * ({@code DeflateWindowCheck}). Nothing here depends on niows.
 */
package io.niows.spectests.deflate;
