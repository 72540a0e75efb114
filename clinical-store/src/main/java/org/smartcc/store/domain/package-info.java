/**
 * Plain-Java model of the clinical store: i2b2 facts, visits, concepts and SMART statement types; and the error model
 * every module shares ({@link org.smartcc.store.domain.CodedException}).
 */
package org.smartcc.store.domain;
