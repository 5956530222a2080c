/**
 * {@code @Revision}, the annotation every migration class carries. Depends on nothing.
 */
module dev.retort.annotations {
    exports dev.retort.annotations;
}
