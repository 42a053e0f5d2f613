/** The singleton that loads the keystore at start-up and hands out the secret box and hasher. */
package org.portcullis.crypto.internal;
