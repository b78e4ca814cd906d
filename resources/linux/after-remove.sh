#!/bin/bash
# Runs as root after the deb or rpm is removed.
#
# electron-builder runs this file instead of its own after-remove template, so the first part repeats that
# template (app-builder-lib 26.17.0, templates/linux/after-remove.tpl); the second removes the udev rules
# that after-install.sh added, and only those. Shell variables are written without braces so that
# electron-builder never takes them for one of the names it fills in.

# Nothing to undo while a version of the package stays installed: on an upgrade dpkg passes "upgrade",
# and rpm passes the number of versions left, after the new version's own after-install has already run.
case "$1" in
  upgrade | [1-9]*) exit 0 ;;
esac

if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}'
else
    rm -f '/usr/bin/${executable}'
fi

APPARMOR_PROFILE_DEST='/etc/apparmor.d/${executable}'
if [ -f "$APPARMOR_PROFILE_DEST" ]; then
  # Unload before deleting, so the policy is not left enforced until the next reboot.
  if apparmor_status --enabled > /dev/null 2>&1; then
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --remove "$APPARMOR_PROFILE_DEST" || true
    fi
  fi
  rm -f "$APPARMOR_PROFILE_DEST"
fi

rm -f /etc/udev/rules.d/51-ledgerline-ledger.rules /etc/udev/rules.d/51-ledgerline-trezor.rules
if command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
fi
