# Interface strings of the vielfalt manual.
site-title = The vielfalt manual
