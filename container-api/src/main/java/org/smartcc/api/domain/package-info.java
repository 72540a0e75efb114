/** What the container itself stores for apps, as plain values without framework types. */
package org.smartcc.api.domain;
