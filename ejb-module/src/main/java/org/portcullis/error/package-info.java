/** Domain failures that the API turns into problem+json answers. */
package org.portcullis.error;
