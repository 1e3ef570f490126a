/** Query pieces every read model shares (the division filter); it imports no feature package. */
package org.gongshi.projections.query;
