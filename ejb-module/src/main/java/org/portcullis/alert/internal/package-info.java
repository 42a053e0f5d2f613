/** The alert service, its settings and the timer that applies the locks duress alerts schedule. */
package org.portcullis.alert.internal;
