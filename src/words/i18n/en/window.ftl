### window: English
