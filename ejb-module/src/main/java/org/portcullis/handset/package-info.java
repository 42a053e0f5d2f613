/**
 * Handsets (SPEC §3.8): enrollment of a customer's phone by a one-time code sent by the server or
 * by the handset, and the public key the handset uploads afterwards.
 */
package org.portcullis.handset;
