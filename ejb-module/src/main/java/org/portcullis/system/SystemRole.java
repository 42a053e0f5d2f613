package org.portcullis.system;

/** What a relying system may do. */
public enum SystemRole {
  /** asks Portcullis to verify customers (pattern, PIN pad) */
  VERIFIER,
  /** sends secure messages to customers' handsets */
  SENDER,
  /** may receive customer attributes after a verification */
  CONFIRMER
}
