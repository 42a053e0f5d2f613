/**
 * Pure SMS encoding rules, free of SMPP sessions and container types: the GSM 03.38 default
 * alphabet, the choice between GSM 7-bit and UCS-2, splitting long texts into concatenated parts,
 * decoding what handsets send, and reading delivery receipt texts. Everything here is immutable or
 * says otherwise, and unit-tested.
 */
package org.portcullis.sms.codec;
