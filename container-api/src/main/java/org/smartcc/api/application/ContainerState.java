package org.smartcc.api.application;

/** Where the container is in its start-up: health and the status page report it. */
public enum ContainerState {
    /** The application is deployed; the store is being opened and migrated. */
    STARTING,
    /** Sample records are being loaded. */
    LOADING,
    /** Data is loaded; the API serves it. */
    READY,
    /** The store could not be opened or migrated; see the status message. */
    FAILED
}
