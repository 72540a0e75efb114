/** Plain-Java model of the clinical store: i2b2 facts, visits, concepts and SMART statement types. */
package org.smartcc.store.domain;
