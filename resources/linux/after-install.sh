#!/bin/bash
# Runs as root after the deb or rpm is installed or upgraded.
#
# electron-builder runs this file instead of its own after-install template, so the first part repeats that
# template (app-builder-lib 26.17.0, templates/linux/after-install.tpl): the command on PATH, the Chromium
# sandbox helper, the desktop and MIME databases, and the AppArmor profile that Ubuntu 24.04 needs before
# Electron's sandbox may start. The second part installs the hardware-wallet udev rules.
#
# electron-builder fills in the dollar-brace names in quotes; shell variables below are written without
# braces so that they are never taken for one of those.

if type update-alternatives >/dev/null 2>&1; then
    # Remove previous link if it doesn't use update-alternatives
    if [ -L '/usr/bin/${executable}' -a -e '/usr/bin/${executable}' -a "`readlink '/usr/bin/${executable}'`" != '/etc/alternatives/${executable}' ]; then
        rm -f '/usr/bin/${executable}'
    fi
    update-alternatives --install '/usr/bin/${executable}' '${executable}' '/opt/${sanitizedProductName}/${executable}' 100 || ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
else
    ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
fi

# Use the SUID chrome-sandbox only on systems without working user namespaces.
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; }; then
    chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
else
    chmod 0755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
fi

if hash update-mime-database 2>/dev/null; then
    update-mime-database /usr/share/mime || true
fi

if hash update-desktop-database 2>/dev/null; then
    update-desktop-database /usr/share/applications || true
fi

# The AppArmor profile is installed only where the running AppArmor accepts it (not on Ubuntu 22.04).
if apparmor_status --enabled > /dev/null 2>&1; then
  APPARMOR_PROFILE_SOURCE='/opt/${sanitizedProductName}/resources/apparmor-profile'
  APPARMOR_PROFILE_TARGET='/etc/apparmor.d/${executable}'
  if apparmor_parser --skip-kernel-load --debug "$APPARMOR_PROFILE_SOURCE" > /dev/null 2>&1; then
    cp -f "$APPARMOR_PROFILE_SOURCE" "$APPARMOR_PROFILE_TARGET"
    # Live reloading makes no sense in a chroot, such as one that builds a disk image.
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --replace --write-cache --skip-read-cache "$APPARMOR_PROFILE_TARGET"
    fi
  else
    echo "Skipping the installation of the AppArmor profile as this version of AppArmor does not seem to support the bundled profile"
  fi
fi

# Ledger and Trezor devices: let the user at the console reach them without root.
UDEV_RULES_SOURCE='/opt/${sanitizedProductName}/resources/udev'
for rules in "$UDEV_RULES_SOURCE"/*.rules; do
  [ -f "$rules" ] && install -m 0644 "$rules" /etc/udev/rules.d/
done
# Containers and minimal images may have no udev; the rules then take effect wherever udev next starts.
if command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
  udevadm trigger --subsystem-match=usb --subsystem-match=hidraw || true
fi
