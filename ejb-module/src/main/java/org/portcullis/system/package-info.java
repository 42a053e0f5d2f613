/**
 * The registry of relying systems: who may ask Portcullis to verify customers, and with which
 * policies.
 */
package org.portcullis.system;
