/** PIN pad domain: scrambles, the three algorithms, layouts and digit images; plain Java. */
package org.portcullis.pinpad;
