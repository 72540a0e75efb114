# Sourced by the image's entrypoint (hence no exit on success): the container's first start sets the domain up.
bash /opt/smartcc/bin/first-start || exit 1
