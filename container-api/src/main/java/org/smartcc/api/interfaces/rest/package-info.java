/** JAX-RS resources and their JSON shapes. */
package org.smartcc.api.interfaces.rest;
