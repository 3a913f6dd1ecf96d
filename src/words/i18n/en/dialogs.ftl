### dialogs: English
