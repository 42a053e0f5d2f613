/** The EJBs and entities behind handsets and their enrollments. */
package org.portcullis.handset.internal;
