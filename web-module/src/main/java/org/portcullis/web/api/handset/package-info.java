/** Handset enrollment and public keys over HTTP (SPEC §3.8). */
package org.portcullis.web.api.handset;
