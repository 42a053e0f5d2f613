/**
 * Cryptographic building blocks: random values, constant-time comparison, the secret box that
 * encrypts secrets at rest, and the peppered hashes of passwords, PINs and API secrets. Plain Java.
 */
package org.portcullis.crypto;
