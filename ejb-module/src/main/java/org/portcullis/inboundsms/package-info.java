/** Mobile-originated SMS as the domain sees them: stored sealed, audited, found by sender. */
package org.portcullis.inboundsms;
